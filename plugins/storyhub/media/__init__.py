"""Images: photos and story images re-encoded without metadata; share images drawn."""
