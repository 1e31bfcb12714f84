import type { GetServerSideProps } from "next";
import NotFoundPage from "./404";

/**
 * pages/404.tsx for paths nothing else answers. With an app/ folder, Next would show the App
 * Router's bare not-found page instead; next.config.js rewrites those paths here as a fallback.
 */
export const getServerSideProps: GetServerSideProps = async ({ res }) => {
  res.statusCode = 404;
  return { props: {} };
};

export default NotFoundPage;
