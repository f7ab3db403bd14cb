"""Page sections for 师资培训 and 云上读经典: each ``render_*`` draws one form or tab of its page.

The pages (``pages/training.py``, ``pages/online.py``) lay out the tabs and
pass the open database session in; these modules hold the widgets, so each
page reads as its outline. Widget keys are the pages' own (``trn_*``,
``onl_*``): page tests drive them.
"""
