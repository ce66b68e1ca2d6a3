"""promisegate: an SMTP relay that holds AI-agent email whose promises need a human."""

__version__ = "0.1.0"
