import type { EditorStore } from '../store/editor-state.ts';

/**
 * Limits the node types an editor instance offers (the palette, adding by type) to `categories`, as
 * an embed token's restriction does; nodes already on the canvas keep their types and render as before.
 */
export function limitNodeTypes(store: EditorStore, categories: readonly string[] | undefined): void {
  if (categories === undefined) return;
  const setAll = store.getState().setNodeTypes;
  store.setState({
    setNodeTypes: (list) => {
      setAll(list);
      store.setState({ nodeTypeList: list.filter((info) => categories.includes(info.category)) });
    },
  });
}
