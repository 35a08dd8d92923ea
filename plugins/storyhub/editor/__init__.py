"""The web editor (/admin/, Decap CMS) and the preview error page: see site.py."""
