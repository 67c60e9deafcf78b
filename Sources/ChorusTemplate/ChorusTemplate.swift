// The template engine's sources land with issue 3.
