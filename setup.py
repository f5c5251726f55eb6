"""Which packages the distribution holds; everything else is in pyproject.toml.

The packages are found, not listed, so a new one cannot be forgotten; a folder of data files such
as ``generator/render/fonts`` is one too (a namespace package, as Python sees it). ``templates/``
sits at the top of the repository, where designers find it, and is installed as
``generator.templates`` (the one mapping pyproject.toml's package discovery cannot express).
"""

from setuptools import find_namespace_packages, setup

setup(
    packages=[
        *find_namespace_packages(include=["generator", "generator.*"], exclude=["*.__pycache__"]),
        "generator.templates",
    ],
    package_dir={"generator.templates": "templates"},
)
