"""Site pages: which pages exist, what templates see, meta tags, sanitised story HTML."""
