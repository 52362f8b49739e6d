package arm64

// The inactive intervals of allocate-registers' scan (live before and after the scan point, in a
// hole at it), kept so that a step of the scan costs what changes, not the number of inactive
// intervals: by the register they hold (whether the register is free for an interval asks only
// those), and in a heap by the point where each is live again (advancing the scan looks only at
// those that wake by then). Of the intervals holding one register, the one made inactive last
// comes first: the order in which eviction spills them and sums their weights.

import "cot/ir/mir"

type inactiveSet struct {
	byReg [mir.FirstVirtual][]*interval // made inactive last at the end
	wake  []wakeAt                      // a min-heap by point; entries of evicted intervals are skipped
	// blocks' answer for each register, valid while blockedStep[r] == step (one step of the scan
	// per interval allocated)
	step        int
	blockedStep [mir.FirstVirtual]int
	blocked     [mir.FirstVirtual]bool
}

// wakeAt is an inactive interval and the start of its next range.
type wakeAt struct {
	at int
	iv *interval
}

// add makes x, holding r, inactive (its cursor is at its next range).
func (s *inactiveSet) add(x *interval, r mir.Reg) {
	x.inactive = true
	s.byReg[r] = append(s.byReg[r], x)
	s.sleep(x)
}

// remove takes x, holding r, out of the set.
func (s *inactiveSet) remove(x *interval, r mir.Reg) {
	x.inactive = false
	list := s.byReg[r]
	for i := len(list) - 1; i >= 0; i-- {
		if list[i] == x {
			s.byReg[r] = append(list[:i], list[i+1:]...)
			return
		}
	}
}

// sleep queues x, still inactive, for the start of its next range.
func (s *inactiveSet) sleep(x *interval) {
	s.wake = append(s.wake, wakeAt{x.ranges[x.cur].start, x})
	for i := len(s.wake) - 1; i > 0; {
		parent := (i - 1) / 2
		if s.wake[parent].at <= s.wake[i].at {
			break
		}
		s.wake[parent], s.wake[i] = s.wake[i], s.wake[parent]
		i = parent
	}
}

// woken takes from the queue an inactive interval whose next range starts at or before pos;
// ok is false when there is none.
func (s *inactiveSet) woken(pos int) (x *interval, ok bool) {
	for len(s.wake) > 0 && s.wake[0].at <= pos {
		x = s.wake[0].iv
		n := len(s.wake) - 1
		s.wake[0] = s.wake[n]
		s.wake[n] = wakeAt{}
		s.wake = s.wake[:n]
		for i := 0; ; {
			small, l, r := i, 2*i+1, 2*i+2
			if l < n && s.wake[l].at < s.wake[small].at {
				small = l
			}
			if r < n && s.wake[r].at < s.wake[small].at {
				small = r
			}
			if small == i {
				break
			}
			s.wake[i], s.wake[small] = s.wake[small], s.wake[i]
			i = small
		}
		if x.inactive {
			return x, true
		}
	}
	return nil, false
}

// blocks reports whether an inactive interval holding r is live where iv is.
func (s *inactiveSet) blocks(r mir.Reg, iv *interval) bool {
	if s.blockedStep[r] == s.step {
		return s.blocked[r]
	}
	b := false
	for _, x := range s.byReg[r] {
		if x.intersects(iv) {
			b = true
			break
		}
	}
	s.blockedStep[r], s.blocked[r] = s.step, b
	return b
}
