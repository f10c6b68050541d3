"""The agenda: every dated thing the strategy says is due, and the calendar it makes."""
