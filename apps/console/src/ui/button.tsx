import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';

export interface ButtonProps extends AriaButtonProps {
  variant?: 'primary' | 'secondary' | 'danger' | 'quiet';
}

/**
 * React Aria's button (keyboard, press and focus handled), styled by variant. A pending button is
 * disabled and marked busy rather than given React Aria's `isPending`: that one announces through
 * a live-region node labelled by the button, which outlives the button when the press navigates
 * away, leaving an unnamed `role="img"` behind (axe: role-img-alt).
 */
export function Button({ variant = 'secondary', className, isPending, isDisabled, ...props }: ButtonProps) {
  return (
    <AriaButton
      {...props}
      isDisabled={isDisabled || isPending}
      aria-busy={isPending || undefined}
      className={['button', `button-${variant}`, className].filter(Boolean).join(' ')}
    />
  );
}
