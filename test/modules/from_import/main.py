from shapes import area, Circle as C, PI
from shapes import scale
import shapes

scale = 100  # main's own global, not the module's
print(area(1), PI, scale)
c = C(2)
print(c, c.area(), type(c), C.__module__, C.__qualname__)
print(area.__module__, area.__name__, area.__qualname__)
print(area.__globals__ is shapes.__dict__, area.__globals__ is globals())
shapes.set_scale(3)
print(area(1), shapes.scale, scale)
print(repr(C), repr(area).split(" at ")[0])
from shapes import set_scale as ss
print(ss is shapes.set_scale)
