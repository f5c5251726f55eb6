"""statusgen: reporting documents of the hersteloperatie kinderopvangtoeslag, built from YAML."""

__version__ = "0.2.0"
