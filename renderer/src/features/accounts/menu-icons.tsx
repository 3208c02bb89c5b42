import {
  Columns2,
  Copy,
  Download,
  ExternalLink,
  FlaskConical,
  Pin,
  PinOff,
  Plus,
  RefreshCw,
  Trash2,
} from 'lucide-react';
import type { MenuIcons } from './account-actions.js';

/** The icons of the account menu entries, by entry id. */
export const ACCOUNT_MENU_ICONS: MenuIcons = {
  test: <FlaskConical size={14} />,
  renew: <RefreshCw size={14} />,
  'add-repository': <Plus size={14} />,
  'copy-login': <Copy size={14} />,
  export: <Download size={14} />,
  split: <Columns2 size={14} />,
  remove: <Trash2 size={14} />,
};

/** The icons of the repository menu entries, by entry id. */
export const REPOSITORY_MENU_ICONS: MenuIcons = {
  open: <ExternalLink size={14} />,
  split: <Columns2 size={14} />,
  pin: <Pin size={14} />,
  unpin: <PinOff size={14} />,
  copy: <Copy size={14} />,
};
