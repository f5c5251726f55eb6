"""The SCT deck: from the data to slides (``build``), over pages (``paginate``), into PPTX
(``pptx``, the only module that imports python-pptx).

The stages share a small, layout-neutral model of slide content (``content``) and the measured
metrics of the deck's font (``metrics``).
"""
