"""The linked hub: references checked, what is published decided, figures and advice."""
