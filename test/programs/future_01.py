# the __future__ module at run time, and postponed annotations
from __future__ import annotations
import __future__

def f(a: int, b: "list[str]" = None) -> dict[str, int]:
    return {}

class C:
    field: Undefined[int]
    def m(self) -> C:
        return self

print(f.__annotations__)
print(C.__annotations__, C.m.__annotations__)
print(__future__.all_feature_names)
print(__future__.__all__ == ["all_feature_names"] + __future__.all_feature_names)
for name in __future__.all_feature_names:
    feature = getattr(__future__, name)
    print(name, feature, feature.getOptionalRelease(), feature.getMandatoryRelease(), hex(feature.compiler_flag))
print(type(__future__.annotations).__name__, type(__future__.annotations).__module__)
print(__future__.CO_FUTURE_ANNOTATIONS == __future__.annotations.compiler_flag)
print(annotations is __future__.annotations)
print(__future__.__name__)
import sys
print("__future__" in sys.modules, sys.modules["__future__"] is __future__)
