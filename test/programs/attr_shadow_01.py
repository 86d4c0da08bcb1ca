# A method call site keeps calling the class's method until an instance attribute shadows it,
# whatever the instance dict went through before (new keys, deletions, resizes, a copy).


class Task:
    def run(self):
        return "Task.run"

    def step(self):
        return "Task.step"


def call_all(tasks):
    return [t.run() for t in tasks]


tasks = [Task() for _ in range(4)]
print(call_all(tasks))

# Many instance attributes (the dict resizes) but none named run.
for i, t in enumerate(tasks):
    for j in range(20):
        setattr(t, "field%d_%d" % (i, j), j)
print(call_all(tasks))

# An instance attribute named run shadows the method, for that instance only.
tasks[1].run = lambda: "instance run"
print(call_all(tasks))

# Deleted again: the method is back.
del tasks[1].run
print(call_all(tasks))

# Set through __dict__, and through a dict copied from another instance's.
tasks[2].__dict__["run"] = lambda: "via __dict__"
print(call_all(tasks))
tasks[3].__dict__.update(tasks[2].__dict__)
print(call_all(tasks))
del tasks[2].__dict__["run"], tasks[3].__dict__["run"]
print(call_all(tasks))

# Many keys deleted, then the name added after the dict was rebuilt smaller.
t = tasks[0]
for j in range(20):
    delattr(t, "field0_%d" % j)
print(sorted(vars(t)), t.run())
t.extra = 1
t.run = lambda: "late shadow"
print(call_all(tasks))

# A replaced __dict__, and names whose hashes collide in the low bits are irrelevant: any str works.
u = Task()
print(u.step(), u.run())
u.__dict__ = {"step": lambda: "new dict step"}
print(u.step(), u.run())
for name in ["a%d" % k for k in range(64)]:
    u.__dict__[name] = name
print(u.step(), u.run(), len(vars(u)))
u.__dict__.clear()
print(u.step(), u.run())
