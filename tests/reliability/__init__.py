"""The reliability suite (``make reliability``; a shortened run is part of ``make test``)."""
