"""Exports: iCalendar, Excel, printable HTML and PDF."""
