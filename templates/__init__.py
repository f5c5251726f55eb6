"""The templates statusgen ships: the deck's PowerPoint template, the HTML templates and their
stylesheets. Designers edit these files; statusgen installs this folder as the package
``generator.templates`` and reads it through ``importlib.resources``."""
