# global/nonlocal edge cases: UnboundLocalError vs NameError messages, del of globals, nested global.
g = 1

def reads_then_assigns():
    try:
        return g
    finally:
        pass
    g = 2

try:
    reads_then_assigns()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def nested_global():
    g = "local"
    def inner():
        global g
        g = "from inner"
        return g
    return inner(), g

print(nested_global(), g)

def outer():
    n = 0
    def mid():
        def inner():
            nonlocal n
            n += 5
            return n
        return inner()
    mid()
    return mid(), n

print(outer())

def del_global():
    global temp
    temp = 1
    del temp
    try:
        return temp
    except NameError as e:
        return "NameError: " + str(e)

print(del_global())

def free_after_del():
    v = 3
    def inner():
        return v
    del v
    try:
        return inner()
    except NameError as e:
        return "NameError: " + str(e)

print(free_after_del())

def local_del():
    x = 1
    del x
    try:
        return x
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)

print(local_del())
try:
    undefined_function_name_xyz()
except NameError as e:
    print("NameError:", e, e.name)

def class_global():
    class C:
        global made_in_class
        made_in_class = "yes"
        attr = g
    return C.attr
print(class_global(), made_in_class)

def loop_nonlocal():
    total = 0
    def add(x):
        nonlocal total
        total += x
    for i in range(5):
        add(i)
    return total
print(loop_nonlocal())
