"""The domain's rules and facts, declared once: the status legends and the house colours
(``legend``), deadline forms and when something is overdue (``deadline``), the date range
statusgen accepts (``dates``), KPI norms and verdicts (``kpi``), and people by id (``people``).
Everything else reads them from here; nothing here knows a file or an output format.
"""
