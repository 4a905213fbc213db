import { type GroupDraft, type GroupKind, newGroup, newLeaf } from '@console/filters/model/condition-draft';
import { addMember, canAddTo, removeNode, setGroupKind } from '@console/filters/model/condition-edits';
import { Button } from '@console/ui/button';
import { useBuilder, useFocusWhenRequested } from './builder-context';
import { ChoiceField } from './choice-field';
import { LeafEditor } from './leaf-editor';

const KINDS: { id: GroupKind; label: string }[] = [
  { id: 'all', label: 'All of these' },
  { id: 'any', label: 'Any of these' },
  { id: 'not', label: 'Not this' },
];

/** A group (all / any / not) of conditions and groups, nested as deep as the services allow. */
export function GroupEditor({ group, parentId }: { group: GroupDraft; parentId: string | null }) {
  const { root, change, problems, numbers, requestFocus } = useBuilder();
  // Back to this group's own "Add condition" after one of its members is removed.
  const ref = useFocusWhenRequested<HTMLDivElement>(
    group.id,
    ':scope > .condition-group-actions > button:not([disabled])',
  );
  const number = numbers.get(group.id) ?? '';
  const name = parentId === null ? 'Filter condition' : `Group ${number}`;
  const error = problems.get(group.id)?.node;
  const add = (member: GroupDraft['members'][number], focusId: string) => {
    change(addMember(root, group.id, member));
    requestFocus(focusId);
  };
  return (
    <div ref={ref} role="group" aria-label={name} className="condition-group" data-kind={group.group}>
      <div className="condition-group-head">
        <ChoiceField
          label={parentId === null ? 'Leads that match' : `Group ${number}: leads that match`}
          className="group-kind"
          choices={KINDS}
          value={group.group}
          onChange={(kind) => change(setGroupKind(root, group.id, kind as GroupKind))}
        />
        {parentId !== null && (
          <Button
            variant="quiet"
            aria-label={`Remove group ${number}`}
            onPress={() => {
              change(removeNode(root, group.id));
              requestFocus(parentId);
            }}
          >
            Remove group
          </Button>
        )}
      </div>
      {group.members.length > 0 && (
        <ul className="condition-members">
          {group.members.map((member) => (
            <li key={member.id}>
              {member.kind === 'leaf' ? (
                <LeafEditor leaf={member} parentId={group.id} />
              ) : (
                <GroupEditor group={member} parentId={group.id} />
              )}
            </li>
          ))}
        </ul>
      )}
      {error && <p className="field-error">{error}</p>}
      <div className="condition-group-actions">
        <Button
          isDisabled={!canAddTo(root, group, 'leaf')}
          onPress={() => {
            const leaf = newLeaf();
            add(leaf, leaf.id);
          }}
        >
          Add condition
        </Button>
        <Button
          isDisabled={!canAddTo(root, group, 'group')}
          onPress={() => {
            const leaf = newLeaf();
            add(newGroup('all', [leaf]), leaf.id);
          }}
        >
          Add group
        </Button>
      </div>
    </div>
  );
}
