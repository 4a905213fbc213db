import { UserDocument } from './user.schema';

/** A user as the admin API shows them: never a password or invitation hash. */
export interface UserView {
  id: string;
  email: string;
  role: UserDocument['role'];
  status: UserDocument['status'];
  invitation_expires_at: string | null;
  created_at: string;
  updated_at: string;
}

export function toUserView(user: UserDocument): UserView {
  return {
    id: user._id,
    email: user.email,
    role: user.role,
    status: user.status,
    invitation_expires_at: user.status === 'invited' ? (user.invitation?.expires_at ?? null) : null,
    created_at: user.created_at,
    updated_at: user.updated_at,
  };
}
