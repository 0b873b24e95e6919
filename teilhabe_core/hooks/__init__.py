"""Layer 6, the plugin host: the hook contract (:mod:`.hookspecs`), the registry that
loads plugins, and validation with plugin rules. Imports every layer below."""
