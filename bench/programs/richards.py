# Classes and method calls: a Richards-style operating-system task scheduler simulation
# (an idle task, a worker, two handlers and two devices exchanging packets by priority).
N = 14  # bench: quick=1

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
BUFSIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, sched, ident, priority, queue, waiting):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.waiting = waiting
        self.holding = False
        self.link = None

    def runnable(self):
        if self.holding:
            return False
        return not self.waiting or self.queue is not None

    def add_packet(self, packet, current):
        # queue a packet; tell the scheduler whether to switch to this task
        if self.queue is None:
            self.queue = packet
            if self.priority > current.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return current


class IdleTask(Task):
    def __init__(self, sched, count):
        Task.__init__(self, sched, IDLE, 0, None, False)
        self.seed = 1
        self.count = count

    def run(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.sched.hold_self()
        if self.seed & 1 == 0:
            self.seed >>= 1
            return self.sched.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.sched.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, sched, queue):
        Task.__init__(self, sched, WORKER, 1000, queue, True)
        self.dest = HANDLER_A
        self.letter = 0

    def run(self, packet):
        if packet is None:
            return self.sched.wait()
        self.dest = HANDLER_B if self.dest == HANDLER_A else HANDLER_A
        packet.ident = self.dest
        packet.datum = 0
        for i in range(BUFSIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            packet.data[i] = self.letter
        return self.sched.send(packet)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        Task.__init__(self, sched, ident, priority, queue, True)
        self.work = None
        self.devices = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        work = self.work
        if work is not None:
            if work.datum >= BUFSIZE:
                self.work = work.link
                return self.sched.send(work)
            dev = self.devices
            if dev is not None:
                self.devices = dev.link
                dev.datum = work.data[work.datum]
                work.datum += 1
                return self.sched.send(dev)
        return self.sched.wait()


class DeviceTask(Task):
    def __init__(self, sched, ident):
        Task.__init__(self, sched, ident, 4000 + ident, None, True)
        self.pending = None

    def run(self, packet):
        if packet is None:
            p = self.pending
            if p is None:
                return self.sched.wait()
            self.pending = None
            return self.sched.send(p)
        self.pending = packet
        self.sched.output += packet.datum
        return self.sched.hold_self()


class Scheduler:
    def __init__(self):
        self.table = [None] * 6
        self.chain = None
        self.current = None
        self.sends = 0
        self.holds = 0
        self.output = 0

    def add(self, task):
        self.table[task.ident] = task
        # keep the chain sorted by descending priority
        if self.chain is None or task.priority > self.chain.priority:
            task.link = self.chain
            self.chain = task
            return
        t = self.chain
        while t.link is not None and t.link.priority >= task.priority:
            t = t.link
        task.link = t.link
        t.link = task

    def wait(self):
        self.current.waiting = True
        return self.current

    def hold_self(self):
        self.holds += 1
        self.current.holding = True
        return self.current.link

    def release(self, ident):
        t = self.table[ident]
        t.holding = False
        if t.priority > self.current.priority:
            return t
        return self.current

    def send(self, packet):
        t = self.table[packet.ident]
        self.sends += 1
        packet.link = None
        packet.ident = self.current.ident
        return t.add_packet(packet, self.current)

    def schedule(self):
        t = self.chain
        while t is not None:
            if t.runnable():
                self.current = t
                packet = None
                if t.waiting and t.queue is not None:
                    packet = t.queue
                    t.queue = packet.link
                    t.waiting = False
                t = t.run(packet)
            else:
                t = t.link


def run_once(count):
    s = Scheduler()
    s.add(IdleTask(s, count))
    q = Packet(None, WORKER, KIND_WORK)
    q = Packet(q, WORKER, KIND_WORK)
    s.add(WorkerTask(s, q))
    q = Packet(None, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    s.add(HandlerTask(s, HANDLER_A, 2000, q))
    q = Packet(None, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    s.add(HandlerTask(s, HANDLER_B, 3000, q))
    s.add(DeviceTask(s, DEVICE_A))
    s.add(DeviceTask(s, DEVICE_B))
    s.schedule()
    return s.sends, s.holds, s.output


total = [0, 0, 0]
for _ in range(N):
    sends, holds, output = run_once(10000)
    total[0] += sends
    total[1] += holds
    total[2] += output
print("sends=%d holds=%d output=%d" % (total[0], total[1], total[2]))
