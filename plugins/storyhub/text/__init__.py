"""Text helpers every layer may use: YAML with positions, dates, escaping, URLs, network names."""
