mod proxy;

fn main() {
    proxy::run();
}
