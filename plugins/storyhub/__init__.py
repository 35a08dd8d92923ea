"""storyhub: a storytelling hub of people, values and stories, on MkDocs and Material."""

__version__ = "0.1.0"
