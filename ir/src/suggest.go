package src

// Closest returns the candidate nearest to name by edit distance, for `did you mean` help lines:
// only a candidate within a third of the name's length (at least one edit, and fewer edits than
// the name has bytes) counts, ties going to
// the earlier candidate; ok is false when none is close enough. Hand-written: 25 lines of
// edit distance do not justify a dependency.
func Closest(name string, candidates []string) (best string, ok bool) {
	limit := max(1, len(name)/3)
	bestDist := limit + 1
	for _, c := range candidates {
		if c == name {
			continue
		}
		if d := editDistance(name, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	// Replacing every byte of a short name is no suggestion (`b` is not a typo of `a`).
	return best, bestDist <= limit && bestDist < len(name)
}

// editDistance is the optimal-string-alignment distance between a and b, in bytes: insertions,
// deletions, substitutions and transpositions of neighbours (`cuont` is one edit from `count`).
func editDistance(a, b string) int {
	rows := [3][]int{make([]int, len(b)+1), make([]int, len(b)+1), make([]int, len(b)+1)}
	for j := range rows[1] {
		rows[1][j] = j
	}
	for i := 1; i <= len(a); i++ {
		prev2, prev, cur := rows[0], rows[1], rows[2]
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		rows[0], rows[1], rows[2] = prev, cur, prev2
	}
	return rows[1][len(b)]
}
