package session

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// MarshalJSON writes s as the scripting API shows it (state().settings): an object of every
// setting of Specs, in their order, layers as the full list of sizes.
func (s Settings) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i := range specs {
		if i > 0 {
			b.WriteByte(',')
		}
		name, _ := json.Marshal(specs[i].Name)
		v, err := json.Marshal(specs[i].Value(&s))
		if err != nil {
			return nil, fmt.Errorf("settings: %s: %v", specs[i].Name, err)
		}
		b.Write(name)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads what MarshalJSON writes into s. It refuses an unknown setting or a
// value of the wrong type, but leaves ranges to Validate; settings the object leaves out
// keep their values in s.
func (s *Settings) UnmarshalJSON(data []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil || raw == nil {
		return fmt.Errorf("settings must be a JSON object, got %s", Excerpt(data))
	}
	for k, v := range raw {
		sp := LookupSpec(k)
		if sp == nil {
			return fmt.Errorf("unknown setting %q", k)
		}
		val, err := sp.decode(v)
		if err != nil {
			return err
		}
		sp.store(s, val)
	}
	return nil
}
