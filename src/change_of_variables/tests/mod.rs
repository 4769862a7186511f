mod maps;
mod panels;
mod special;
