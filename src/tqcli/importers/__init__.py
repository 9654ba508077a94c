"""Importers of real sanctions data as fact packs: one module per format, sharing `shared`."""
