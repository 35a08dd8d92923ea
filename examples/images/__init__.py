"""Draw the illustrations used by the example hub (Ceramiche Vento).

Every image in people/photos/, in the example story folders and in
stories/images/ (for the flat stories/<slug>.md files) is drawn here with
Pillow: no photographs, nothing downloaded. The output is deterministic (fixed
seeds, no timestamps, no metadata), so running the script twice gives
byte-identical files.

    python -m examples.images            # write all images
    python -m examples.images --check    # only report missing files

Replace the example content with your own photos; this script is only for the
example.
"""
