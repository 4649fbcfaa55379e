analyze {{table}}
