// Placeholder so the module builds until its first source lands.
