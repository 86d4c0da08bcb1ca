# Dicts and strings: generate text from a fixed vocabulary with an LCG, then count words,
# bigrams and letter frequencies, and report the most common ones.
N = 500000  # bench: quick=10000

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "qu", "ba", "do"]


def make_text(n_words):
    seed = 12345
    words = []
    for _ in range(n_words):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        length = 1 + (seed >> 8) % 3
        w = ""
        s = seed
        for _ in range(length):
            w += SYLLABLES[s % len(SYLLABLES)]
            s //= len(SYLLABLES)
        if (seed >> 20) % 7 == 0:
            w = w[0].upper() + w[1:]
        words.append(w)
        if (seed >> 16) % 11 == 0:
            words.append(".")
    return " ".join(words).replace(" .", ".")


def count(text):
    words = {}
    bigrams = {}
    letters = {}
    prev = None
    for sentence in text.split("."):
        for raw in sentence.split():
            w = raw.lower()
            words[w] = words.get(w, 0) + 1
            if prev is not None:
                key = prev + " " + w
                bigrams[key] = bigrams.get(key, 0) + 1
            prev = w
        prev = None
    for w, c in words.items():
        for ch in w:
            letters[ch] = letters.get(ch, 0) + c
    return words, bigrams, letters


def top(d, k):
    return sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))[:k]


text = make_text(N)
words, bigrams, letters = count(text)
print("chars=%d distinct words=%d bigrams=%d" % (len(text), len(words), len(bigrams)))
print(" ".join("%s:%d" % kv for kv in top(words, 5)))
print(" ".join("%s:%d" % kv for kv in top(bigrams, 3)))
print("".join(k for k, _ in top(letters, 26)))
