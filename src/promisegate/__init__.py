"""promisegate: an SMTP relay that holds AI-agent email whose promises need a human."""

from promisegate import native as _native

__version__ = "0.1.0"

# Before any module it compiles is imported: the mypyc build of the extractor, when one of this very source is there.
_native.activate(__path__)
