export default function Home() {
  return <h1>七链 Qilian</h1>;
}
