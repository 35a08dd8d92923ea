"""The plugin options: one model, read from mkdocs.yml, the command line and the environment."""
