"""Accounts and sign-in: who may use the app, with which role, where.

``service`` creates accounts, grants roles within a scope and signs people in
(slowed down per account and address); ``CurrentUser`` is the signed-in
person as plain data, safe to keep in a page's session state.
"""
