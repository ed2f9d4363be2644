import { Anchor, Button, NavLink, type AnchorProps, type ButtonProps, type NavLinkProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { forwardRef, type AnchorHTMLAttributes } from 'react';

// Mantine's components are polymorphic; the router needs plain anchors it can type its `to` and `params` on.
type AnchorAttributes = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'color' | 'style'>;

const NavLinkAnchor = forwardRef<HTMLAnchorElement, NavLinkProps & AnchorAttributes>((props, ref) => (
  <NavLink component="a" ref={ref} {...props} />
));
const PlainAnchor = forwardRef<HTMLAnchorElement, AnchorProps & AnchorAttributes>((props, ref) => (
  <Anchor component="a" ref={ref} {...props} />
));
const ButtonAnchor = forwardRef<HTMLAnchorElement, ButtonProps & AnchorAttributes>((props, ref) => (
  <Button component="a" ref={ref} {...props} />
));

/** A navigation entry that is a router link. */
export const RouterNavLink = createLink(NavLinkAnchor);
/** A text link to a page of the workspace: `<RouterAnchor to="/partners/$code" params={{ code }}>`. */
export const RouterAnchor = createLink(PlainAnchor);
/** A button that navigates (e.g. "New meeting"). */
export const RouterButton = createLink(ButtonAnchor);
