"""Layer 5, publishing: the exporter API (:mod:`.api`), templates, charts, reports and
the site. Imports every layer below; reaches plugins only through :class:`.host.Host`."""
