from .. import util
from ..util import helper
from . import KIND


def run():
    return "engine(" + helper() + ", " + KIND + ", " + __package__ + ")"


try:
    from ... import toofar
except ImportError as e:
    print("engine:", type(e).__name__, e)
