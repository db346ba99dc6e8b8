import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FormHarness } from './form-harness.fixture.tsx';
import { NODE_SCHEMAS } from './node-schemas.fixture.ts';

describe('literal fields', () => {
  it('offers no expression toggle on a field the runtime takes literally, such as code', () => {
    const schema = NODE_SCHEMAS['data.code'] ?? {};
    const { unmount } = render(<FormHarness schema={schema} initial={{ source: 'return $input;' }} spy={vi.fn()} />);
    expect(screen.queryAllByRole('button', { name: /^Expression for/ })).not.toHaveLength(0);
    unmount();
    render(<FormHarness schema={schema} initial={{ source: 'return $input;' }} literalFields={['source']} spy={vi.fn()} />);
    expect(screen.queryAllByRole('button', { name: /^Expression for/ })).toHaveLength(0);
  });
});
