# List slicing and swapping: fannkuch-redux (max pancake flips over all permutations, checksum).
N = 9  # bench: quick=7


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    index = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += -flips if index & 1 else flips
        # next permutation: rotate the first r+1 items left until a counter is not exhausted
        while True:
            if r == n:
                return checksum, max_flips
            first = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        index += 1


checksum, flips = fannkuch(N)
print("%d\nPfannkuchen(%d) = %d" % (checksum, N, flips))
