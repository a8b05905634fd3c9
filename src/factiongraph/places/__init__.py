"""Places: the bundled GeoNames gazetteer, toponym detection and resolution."""

from factiongraph.places.gazetteer import Candidate, Gazetteer
from factiongraph.places.geoparse import geoparse, locate
from factiongraph.places.normalize import normalize

__all__ = ["Candidate", "Gazetteer", "geoparse", "locate", "normalize"]
