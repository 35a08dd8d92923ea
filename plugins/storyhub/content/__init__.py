"""Where content enters: files of stories, people and values -> validated models."""
