class SearchUnavailable(Exception):
    """The search engine cannot answer now (down, slow or refusing connections)."""
