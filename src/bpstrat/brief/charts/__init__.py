"""The brief's charts as SVG drawn by bpstrat, one module per chart.

`brief_charts` builds them from the same context the brief's text comes from, in the
brief's language; imported only when charts are asked for (HTML, PDF, `--charts`), so
no other command pays for it.
"""

from __future__ import annotations

from bpstrat.brief.charts.build import brief_charts
from bpstrat.brief.charts.chart import Chart

__all__ = ["Chart", "brief_charts"]
