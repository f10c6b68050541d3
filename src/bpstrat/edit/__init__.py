"""Commands that edit strategy files while keeping every comment: fmt, init and new."""
