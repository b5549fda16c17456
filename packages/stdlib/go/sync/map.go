// gort standard library: package sync (Map).

package sync

// Map is like a Go map[any]any but is safe for concurrent use by multiple
// goroutines without additional locking.
//
// This implementation guards one map with a Mutex; Range takes a snapshot
// and calls f without the lock, so f may modify the Map (Range's contract
// does not promise a consistent snapshot either way). Go's lock-free read
// path is an optimisation not reproduced yet.
type Map struct {
	mu Mutex
	m  map[any]any
}

// Load returns the value stored in the map for a key, or nil.
func (m *Map) Load(key any) (value any, ok bool) {
	m.mu.Lock()
	value, ok = m.m[key]
	m.mu.Unlock()
	return
}

// Store sets the value for a key.
func (m *Map) Store(key, value any) {
	m.mu.Lock()
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
	m.mu.Unlock()
}

// LoadOrStore returns the existing value for the key if present;
// otherwise it stores and returns the given value.
func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.m[key]; ok {
		return v, true
	}
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
	return value, false
}

// LoadAndDelete deletes the value for a key, returning the previous value.
func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {
	m.mu.Lock()
	value, loaded = m.m[key]
	delete(m.m, key)
	m.mu.Unlock()
	return
}

// Delete deletes the value for a key.
func (m *Map) Delete(key any) {
	m.mu.Lock()
	delete(m.m, key)
	m.mu.Unlock()
}

// Range calls f sequentially for each key and value present in the map;
// it stops when f returns false.
func (m *Map) Range(f func(key, value any) bool) {
	m.mu.Lock()
	keys := make([]any, 0, len(m.m))
	vals := make([]any, 0, len(m.m))
	for k, v := range m.m {
		keys = append(keys, k)
		vals = append(vals, v)
	}
	m.mu.Unlock()
	for i := range keys {
		if !f(keys[i], vals[i]) {
			break
		}
	}
}
