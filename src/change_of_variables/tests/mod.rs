mod maps;
mod special;
